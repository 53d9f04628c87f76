package dev.proofdesk.server.cli;

import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.verification.TrustStore;
import dev.proofdesk.server.verification.UntrustedMasterListSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "Trust anchors (CSCA certificates and CRLs) of an environment.",
        subcommands = {TrustCommand.Import.class, TrustCommand.ListAnchors.class})
final class TrustCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a CSCA master list, CSCA certificates (PEM/DER) or CRLs.",
                    "A master list is imported only when its signer certificate, or the CSCA that issued it, is "
                            + "trusted for master lists, or confirmed with --signer-sha256."})
    static final class Import extends OperatorCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "A CSCA master list (.ml), or certificates or CRLs in PEM or DER.")
        Path file;

        @Option(names = "--env", required = true, paramLabel = "test|live",
                description = "The environment that will trust them (live for real documents).")
        String env;

        @Option(names = "--signer-sha256", paramLabel = "HEX", description = "SHA-256 of the DER of the master "
                + "list's signer certificate or of the CSCA that issued it, as its publisher gives it; that "
                + "certificate is trusted for master lists from now on. Default: none, so only a signer "
                + "already trusted for master lists is accepted.")
        String signerSha256;

        @Override
        public Integer call() {
            Environment environment = env(env);
            byte[] bytes = readFile(file);
            TrustStore.ImportResult result;
            try {
                result = withApp(app -> app.environment(environment).trust()
                        .importFile(file.getFileName().toString(), bytes, signerSha256));
            } catch (UntrustedMasterListSigner refused) {
                printRefusal(refused, environment);
                return 1;
            }
            out().printf("Imported into %s: %d new CSCA certificate(s), %d already trusted, %d CRL(s).%n",
                    environment.id(), result.certificatesAdded(), result.certificatesKnown(), result.crlsAdded());
            out().println(result.countriesAdded().isEmpty() ? "No new countries."
                    : "Countries added: " + String.join(", ", result.countriesAdded()));
            return 0;
        }

        private void printRefusal(UntrustedMasterListSigner refused, Environment environment) {
            var err = err();
            err.println("proofdesk: refused: " + refused.getMessage() + ". Nothing was imported.");
            err.println();
            print("Master list signer", refused.signer());
            refused.issuer().ifPresentOrElse(issuer -> print("Issuing CSCA", issuer), () -> {
                err.println("Issuing CSCA");
                err.println("  not in the file or in " + environment.id() + "'s trust anchors");
            });
            err.println();
            err.println("Check one of these SHA-256 fingerprints with the list's publisher (e.g. on its website), then:");
            err.println("  proofdesk trust import " + file + " --env " + environment.id() + " --signer-sha256 HEX");
            err.println("Confirming the issuing CSCA also admits later lists from signers it issues.");
        }

        private void print(String title, UntrustedMasterListSigner.Certificate c) {
            var err = err();
            err.println(title);
            err.println("  subject:  " + c.subject());
            err.println("  issuer:   " + c.issuer());
            err.println("  valid:    " + c.notBefore() + " to " + c.notAfter());
            err.println("  SHA-256:  " + c.sha256());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List imported CSCA certificates and the certificates trusted to sign master lists.")
    static final class ListAnchors extends OperatorCommand implements Callable<Integer> {
        @Option(names = "--env", defaultValue = "live", paramLabel = "test|live",
                description = "The environment whose anchors to list; default: ${DEFAULT-VALUE}.")
        String env;

        @Override
        public Integer call() {
            Environment environment = env(env);
            record Listing(List<TrustStore.Entry> anchors, List<TrustStore.MasterListSigner> signers) {
            }
            Listing listing = withApp(app -> {
                TrustStore trust = app.environment(environment).trust();
                return new Listing(trust.list(), trust.masterListSigners());
            });
            var entries = listing.anchors();
            out().printf("%-7s  %-10s  %-16s  %s%n", "COUNTRY", "VALID TO", "KEY", "SUBJECT");
            for (TrustStore.Entry e : entries) {
                out().printf("%-7s  %-10s  %-16s  %s%n", e.country(), e.notAfter().toString().substring(0, 10),
                        e.keyFingerprint().substring(0, 16), e.subject());
            }
            if (environment == Environment.TEST) {
                out().println("(test also trusts this deployment's mock CSCA, which is never trusted in live)");
            }
            out().println(entries.size() + " certificate(s).");
            var signers = listing.signers();
            out().println();
            out().printf("Trusted to sign master lists:%n%-10s  %-64s  %s%n", "VALID TO", "SHA-256", "SUBJECT");
            for (TrustStore.MasterListSigner s : signers) {
                out().printf("%-10s  %-64s  %s%n", s.notAfter().toString().substring(0, 10), s.sha256(), s.subject());
            }
            out().println(signers.size() + " master-list signer(s).");
            return 0;
        }
    }
}
