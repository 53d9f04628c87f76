package dev.proofdesk.server.testhelper;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Mock passports in the test store; their chip key and image are sealed by the caller. */
final class MockPassportRepository {
    private final RowMapper<MockPassport> mapper;

    MockPassportRepository(RowMapper<MockPassport> mapper) {
        this.mapper = mapper;
    }

    /** The columns as stored: JSON attributes, base64 data groups and sealed secrets (empty text for none). */
    record Row(String id, String accountId, String attributes, String dg1, String sod, String dg15, String chipKey,
               String chipImage, long createdAt) {
    }

    void insert(Handle h, Row row) {
        h.createUpdate("""
                INSERT INTO mock_passports (id, account_id, attributes, dg1, sod, dg15, chip_key, chip_image, created_at)
                VALUES (:id, :account, :attrs, :dg1, :sod, :dg15, :key, :image, :now)""")
                .bind("id", row.id()).bind("account", row.accountId()).bind("attrs", row.attributes())
                .bind("dg1", row.dg1()).bind("sod", row.sod()).bind("dg15", row.dg15()).bind("key", row.chipKey())
                .bind("image", row.chipImage()).bind("now", row.createdAt()).execute();
    }

    Optional<MockPassport> find(Handle h, String accountId, String id) {
        return h.createQuery("SELECT * FROM mock_passports WHERE id = :id AND account_id = :a")
                .bind("id", id).bind("a", accountId).map(mapper).findOne();
    }

    boolean exists(Handle h, String accountId, String id) {
        return h.createQuery("SELECT COUNT(*) FROM mock_passports WHERE id = :id AND account_id = :a")
                .bind("id", id).bind("a", accountId).mapTo(Integer.class).one() > 0;
    }

    List<MockPassport> list(Handle h, String accountId, String startingAfter, int limit) {
        return h.createQuery("SELECT * FROM mock_passports WHERE account_id = :a"
                        + (startingAfter != null ? " AND id < :after" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("a", accountId).bind("after", startingAfter).bind("limit", limit)
                .map(mapper).list();
    }

    /** Which sealed secret of a mock passport to read. */
    enum Sealed {
        CHIP_KEY("chip_key"), CHIP_IMAGE("chip_image");

        private final String column;

        Sealed(String column) {
            this.column = column;
        }
    }

    /** A sealed column of the account's mock passport: empty when there is no such passport, null inside when unset. */
    Optional<Optional<String>> sealed(Handle h, String accountId, String id, Sealed which) {
        return h.createQuery("SELECT " + which.column + " AS sealed FROM mock_passports WHERE id = :id AND account_id = :a")
                .bind("id", id).bind("a", accountId).map((rs, c) -> Optional.ofNullable(rs.getString("sealed")))
                .findOne();
    }
}
