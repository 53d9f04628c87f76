-- One chip relay per session at a time, across every node sharing this store: a lease that expires,
-- so a relay whose node died does not lock the holder out of a retry.
ALTER TABLE sessions ADD COLUMN relay_lease TEXT;
ALTER TABLE sessions ADD COLUMN relay_lease_until BIGINT;

-- Mock passports: the whole chip (file system and keys, sealed with the master key) that the
-- emulator answers from, and how the chip opens and proves itself. Passports made before this
-- have no image and complete the way they always did.
ALTER TABLE mock_passports ADD COLUMN chip_image TEXT;
