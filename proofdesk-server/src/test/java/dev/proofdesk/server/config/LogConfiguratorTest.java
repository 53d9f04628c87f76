package dev.proofdesk.server.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class LogConfiguratorTest {

    @Test
    void logbackFindsItThroughServiceLoading() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogConfigurator.class);
        assertThat(((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).getAppender("STDERR"))
                .isInstanceOf(ConsoleAppender.class);
    }

    @Test
    void oneStandardErrorAppenderWithTheLibrariesQuieter() {
        LoggerContext context = new LoggerContext();
        assertThat(new LogConfigurator().configure(context))
                .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        String configured = System.getenv("PROOFDESK_LOG_LEVEL");
        assertThat(root.getLevel()).isEqualTo(configured == null ? Level.INFO : Level.toLevel(configured, Level.INFO));
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.zaxxer.hikari.pool").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.proofdesk.server.Application").getEffectiveLevel()).isEqualTo(root.getLevel());
    }

    @Test
    void theLevelComesFromProofdeskLogLevel() {
        String before = System.getProperty("PROOFDESK_LOG_LEVEL");
        System.setProperty("PROOFDESK_LOG_LEVEL", "DEBUG");
        try {
            LoggerContext context = new LoggerContext();
            new LogConfigurator().configure(context);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        } finally {
            if (before == null) {
                System.clearProperty("PROOFDESK_LOG_LEVEL");
            } else {
                System.setProperty("PROOFDESK_LOG_LEVEL", before);
            }
        }
    }

    @Test
    void anOperatorsOwnFileWins() {
        System.setProperty("logback.configurationFile", "/etc/proofdesk/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertThat(new LogConfigurator().configure(context))
                    .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }
}
