package dev.proofdesk.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.proofdesk.server.error.ApiException;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads request bodies strictly; every failure is a 400 that names the field and what it should be. */
public final class Bodies {
    private final ObjectMapper json;

    public Bodies(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.validation("body", "a JSON object is required (Content-Type: application/json)");
        }
        requireJson(ctx.contentType());
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.validation("body", "must be a JSON object, like {\"name\": \"…\"}");
            }
            checkText(node, "");
            return json.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : " Known fields here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw ApiException.validation(path(e), "is not a known field." + known);
        } catch (InvalidFormatException e) {
            throw ApiException.validation(path(e), "must be " + describe(e.getTargetType())
                    + " (got " + e.getValue() + ")");
        } catch (MismatchedInputException e) {
            throw ApiException.validation(path(e), "must be " + describe(e.getTargetType()));
        } catch (StreamReadException e) {
            var at = e.getLocation();
            throw ApiException.validation("body", "is not valid JSON: " + e.getOriginalMessage()
                    + (at != null ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""));
        } catch (DatabindException e) {
            throw ApiException.validation(path((JsonMappingException) e), "is not acceptable: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.validation("body", "could not be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.validation("body", "could not be read");
        }
    }

    /** A JSON body is declared as such: a form or text body is refused before it is read as JSON. */
    private static void requireJson(String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].strip().split("=", 2);
            if (param.length == 2 && param[0].strip().equalsIgnoreCase("charset")) {
                charset = param[1].strip().replace("\"", "");
            }
        }
        if (!type.equals("application/json")) {
            throw ApiException.unsupportedMediaType("Send the body as JSON with 'Content-Type: application/json' ("
                    + (type.isEmpty() ? "no Content-Type was given" : "got '" + type + "'") + ").");
        }
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw ApiException.unsupportedMediaType("JSON bodies are UTF-8; send 'Content-Type: application/json' "
                    + "without a charset or with charset=utf-8 (got charset=" + charset + ").");
        }
    }

    /**
     * Every string (and field name) must be text a store can keep: no NUL character, which
     * PostgreSQL refuses, and no unpaired UTF-16 surrogate, which no encoding can carry.
     */
    private static void checkText(JsonNode node, String path) {
        if (node.isTextual()) {
            Text.problem(node.textValue()).ifPresent(problem -> {
                throw ApiException.validation(path.isEmpty() ? "body" : path, problem);
            });
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                String name = field.getKey();
                String at = path.isEmpty() ? name : path + "." + name;
                Text.problem(name).ifPresent(problem -> {
                    throw ApiException.validation(path.isEmpty() ? "body" : path, "has a field name that " + problem);
                });
                checkText(field.getValue(), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
