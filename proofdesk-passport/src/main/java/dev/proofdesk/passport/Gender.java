package dev.proofdesk.passport;

/** Sex as printed in the MRZ: {@code M}, {@code F}, or {@code <}/{@code X} for unspecified. */
public enum Gender {
    MALE('M'),
    FEMALE('F'),
    UNSPECIFIED('<');

    private final char mrzCode;

    Gender(char mrzCode) {
        this.mrzCode = mrzCode;
    }

    public char mrzCode() {
        return mrzCode;
    }

    public static Gender fromMrz(char code) {
        return switch (code) {
            case 'M' -> MALE;
            case 'F' -> FEMALE;
            case '<', 'X' -> UNSPECIFIED;
            default -> throw new IllegalArgumentException("invalid MRZ sex code '" + code + "'");
        };
    }
}
