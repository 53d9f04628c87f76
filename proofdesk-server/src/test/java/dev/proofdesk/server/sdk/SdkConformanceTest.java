package dev.proofdesk.server.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.net.ApiRequestor;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java SDK against the OpenAPI document the server serves: every operation an integrator's
 * backend calls has a method, and every field of every object the API returns is in the SDK's
 * records. A new endpoint or response field fails here until the SDK has it. (The Node SDK has
 * the same test, sdk-node/test/conformance.test.mjs.)
 */
class SdkConformanceTest {
    private static final String ID = "0192f4c1-7a00-7000-8000-000000000001";
    private static final List<String> SDK_PACKAGES = List.of("", "flow", "session", "webhook", "testhelper", "billing");
    /** The SDK's name of a schema, where it differs. */
    private static final Map<String, String> TYPE_NAMES = Map.of("VerificationResult", "SessionResult");

    private final JsonNode doc = TestServer.shared(Db.SQLITE).http().get("/v1/openapi.json", null).body();

    @Test
    void everyOperationOfTheApiHasAMethod() throws Exception {
        List<String> operations = sdkOperations();
        assertThat(operations).hasSizeGreaterThan(30);
        List<String> requests = new CopyOnWriteArrayList<>();
        List<String> called = new ArrayList<>();
        HttpServer recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recorder.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            byte[] body = "{\"object\":\"list\",\"data\":[],\"hasMore\":false}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        recorder.start();
        try (Proofdesk client = Proofdesk.builder().apiKey(TestServer.shared(Db.SQLITE).newAccount().testKey())
                .baseUrl("http://127.0.0.1:" + recorder.getAddress().getPort()).build()) {
            for (Method accessor : resourceAccessors(Proofdesk.class)) {
                callEveryMethod(accessor.invoke(client), accessor.getName(), called);
            }
        } finally {
            recorder.stop(0);
        }
        assertThat(called).as("nested resources are walked").contains("testHelpers.sessions.complete");
        List<String> missing = operations.stream()
                .filter(op -> requests.stream().noneMatch(r -> matches(op, r)))
                .toList();
        assertThat(missing).as("operations no SDK method calls").isEmpty();
    }

    @Test
    void everyFieldOfEveryObjectTheApiReturnsIsInTheSdksRecords() {
        List<String> outputs = outputSchemas();
        assertThat(outputs).contains("Session", "Balance");
        List<String> missing = new ArrayList<>();
        for (String schema : outputs) {
            String typeName = TYPE_NAMES.getOrDefault(schema, schema);
            Class<?> type = sdkClass(typeName);
            if (type == null) {
                missing.add(typeName + " (no such SDK type for schema " + schema + ")");
                continue;
            }
            compare(doc.path("components").path("schemas").path(schema), type, typeName, missing);
        }
        assertThat(missing).as("response fields the SDK's records lack").isEmpty();
    }

    /** Operations of the secret-key API: not the system or holder endpoints, not the command line's. */
    private List<String> sdkOperations() {
        List<String> operations = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode security = op.getValue().has("security") ? op.getValue().get("security") : doc.path("security");
            boolean bySecretKey = false;
            for (JsonNode requirement : security) {
                bySecretKey |= requirement.has("bearer");
            }
            if (bySecretKey && op.getValue().path("x-proofdesk-sdk").asBoolean(true)) {
                operations.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** Schemas of what the API answers: all but the request bodies and the error envelope. */
    private List<String> outputSchemas() {
        Set<String> inputs = new HashSet<>(Set.of("Error"));
        doc.path("paths").forEach(path -> path.forEach(op -> {
            String ref = op.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asText("");
            if (!ref.isEmpty()) {
                inputs.add(ref.substring(ref.lastIndexOf('/') + 1));
            }
        }));
        List<String> outputs = new ArrayList<>();
        doc.path("components").path("schemas").properties().forEach(schema -> {
            String name = schema.getKey();
            // Relay frames travel over the holder's WebSocket, not through an SDK.
            if (!inputs.contains(name) && schema.getValue().path("x-proofdesk-sdk").asBoolean(true)) {
                outputs.add(name);
            }
        });
        return outputs;
    }

    private static void compare(JsonNode schema, Class<?> type, String where, List<String> missing) {
        Map<String, RecordComponent> components = new HashMap<>();
        for (RecordComponent c : type.isRecord() ? type.getRecordComponents() : new RecordComponent[0]) {
            components.put(c.getName(), c);
        }
        schema.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            JsonNode spec = property.getValue();
            if (spec.has("const")) {
                return; // a constant names the type, which the SDK type already is
            }
            RecordComponent component = components.get(name);
            if (component == null) {
                missing.add(where + "." + name);
            } else if (spec.has("properties")) {
                compare(spec, component.getType(), where + "." + name, missing);
            } else if (spec.path("items").has("properties")
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                compare(spec.path("items"), element, where + "." + name + "[]", missing);
            }
        });
    }

    private static Class<?> sdkClass(String simpleName) {
        for (String pkg : SDK_PACKAGES) {
            try {
                return Class.forName("dev.proofdesk.sdk." + (pkg.isEmpty() ? "" : pkg + ".") + simpleName);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return null;
    }

    /** The resources an object offers: its no-argument methods returning a service (built from the requestor). */
    private static List<Method> resourceAccessors(Class<?> owner) {
        return Arrays.stream(owner.getMethods())
                .filter(m -> m.getDeclaringClass() == owner && m.getParameterCount() == 0
                        && !Modifier.isStatic(m.getModifiers()) && isService(m.getReturnType()))
                .toList();
    }

    private static boolean isService(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors())
                .anyMatch(c -> Arrays.equals(c.getParameterTypes(), new Class<?>[]{ApiRequestor.class}));
    }

    private static void callEveryMethod(Object resource, String name, List<String> called) throws Exception {
        List<Method> nested = resourceAccessors(resource.getClass());
        for (Method method : resource.getClass().getMethods()) {
            if (method.getDeclaringClass() != resource.getClass() || Modifier.isStatic(method.getModifiers())
                    || nested.contains(method)) {
                continue;
            }
            Object[] args = Arrays.stream(method.getGenericParameterTypes()).map(SdkConformanceTest::sample).toArray();
            method.invoke(resource, args);
            called.add(name + "." + method.getName());
        }
        for (Method accessor : nested) {
            callEveryMethod(accessor.invoke(resource), name + "." + accessor.getName(), called);
        }
    }

    /** A value to call a method with: an id for strings, defaults for the rest. */
    private static Object sample(Type type) {
        if (type == String.class) {
            return ID;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            try {
                RecordComponent[] parts = c.getRecordComponents();
                Class<?>[] types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
                Object[] values = Arrays.stream(types).map(t -> t.isPrimitive() ? primitiveZero(t) : null).toArray();
                return c.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + c.getSimpleName(), e);
            }
        }
        if (type instanceof Class<?> c && c.isArray()) {
            return Array.newInstance(c.getComponentType(), 0);
        }
        return null;
    }

    private static Object primitiveZero(Class<?> type) {
        return type == boolean.class ? false : type == long.class ? 0L : type == int.class ? 0 : null;
    }

    private static boolean matches(String operation, String request) {
        String[] op = operation.split(" ", 2);
        String[] req = request.split(" ", 2);
        return op[0].equals(req[0]) && req[1].matches(op[1].replaceAll("\\{[^}]+}", "[^/]+"));
    }
}
