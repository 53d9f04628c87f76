package dev.proofdesk.passport;

/** The kinds of travel document the verifier understands, named as the API names them. */
public enum DocumentType {
    PASSPORT("passport"),
    ID_CARD("id_card");

    private final String wireName;

    DocumentType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static DocumentType fromWireName(String name) {
        for (DocumentType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown document type '" + name + "', expected passport or id_card");
    }
}
