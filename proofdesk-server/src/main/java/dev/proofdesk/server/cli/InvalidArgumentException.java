package dev.proofdesk.server.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A value on the command line that the command cannot use, found once it runs (an environment
 * name, a duration, a file it cannot read). Picocli's own kind of error, naming the command it belongs
 * to; like every refusal it prints its message alone and exits 1, where picocli's usage errors exit 2.
 */
final class InvalidArgumentException extends ParameterException {
    InvalidArgumentException(CommandSpec spec, String argument, String problem) {
        super(spec.commandLine(), argument + ": " + problem);
    }
}
