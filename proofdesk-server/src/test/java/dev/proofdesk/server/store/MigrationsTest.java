package dev.proofdesk.server.store;

import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.Postgres;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores skip Flyway when every bundled migration is applied, so they must still notice when one is
 * not: a store left behind by an older build is brought up to date when it opens.
 */
class MigrationsTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void aStoreBehindTheBundledMigrationsIsMigratedWhenItOpens(Db db, @TempDir Path dir) {
        String url = db == Db.POSTGRES ? Postgres.freshDatabase() : null;
        // The live store of an older build: everything up to V3, no credit ledger (V4) yet.
        var older = Flyway.configure().locations("classpath:db/environment", "classpath:db/live").target("3");
        if (url == null) {
            older.dataSource("jdbc:sqlite:" + dir.resolve("live.db").toAbsolutePath(), null, null);
        } else {
            older.dataSource(url, null, null).schemas("live").defaultSchema("live").createSchemas(true);
        }
        older.load().migrate();

        try (Database database = Database.open(Optional.ofNullable(url), dir, 2)) {
            long rows = database.environment(Environment.LIVE).read(h ->
                    h.createQuery("SELECT COUNT(*) FROM credit_ledger").mapTo(Long.class).one());
            assertThat(rows).isZero();
        }
    }

    @Test
    void theBundledVersionsAreReadFromTheClassPath() {
        Optional<Set<List<BigInteger>>> live = Migrations.bundledVersions(List.of("db/environment", "db/live"));
        Optional<Set<List<BigInteger>>> test = Migrations.bundledVersions(List.of("db/environment"));

        assertThat(live).get().asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .contains(List.of(BigInteger.ONE), List.of(BigInteger.valueOf(4)));
        assertThat(test).get().asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .contains(List.of(BigInteger.ONE)).doesNotContain(List.of(BigInteger.valueOf(4)));
        assertThat(Migrations.bundledVersions(List.of("db/no-such-folder"))).isEmpty();
    }
}
