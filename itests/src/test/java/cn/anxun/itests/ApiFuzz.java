package cn.anxun.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile requests made from the OpenAPI document: every operation with its parameters and body replaced by wrong
 * types, huge and negative numbers, control and format characters, over-long strings, bad UTF-8, broken JSON, wrong
 * media types and forged tokens. Seeded, so that a failure can be made again.
 */
final class ApiFuzz {

    /** One operation of the document. */
    record Operation(String method, String path, List<JsonNode> parameters, Map<String, JsonNode> bodies) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request to send, and what it was made from. */
    record Request(Operation operation, String method, String path, Map<String, String> headers, byte[] body,
            String mutation) {
        boolean writes() {
            return !List.of("GET", "HEAD", "OPTIONS").contains(method);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] STRINGS = {"", " ", "\u0000", "a\u0000b", "\u202Egnp.exe", "\u200B\uFEFF",
        "\u0007\u001B[31m", "😀😀😀", "'; DROP TABLE ACCOUNT; --", "../../../../etc/passwd",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/a}", "%s%n%x", "-1", "0", "2147483648", "-9223372036854775809", "1e309", "NaN",
        "true", "null", "[]", "{}", "\r\nX-Injected: 1", "440106199003071234", "13800138000", "微信 zs_abc123",
        "张三\u0301", "\uD83D", "x".repeat(10_000), "张".repeat(5_000), "0".repeat(300)};
    private static final String[] NUMBERS = {"-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808",
        "-9223372036854775809", "123456789012345678901234567890", "1e309", "-1e309", "0.5", "1E-400", "4.9e-324"};
    private static final String[] MEDIA_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "image/png", "x/y;;;=",
        "application/octet-stream", "text/csv"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};

    private final Random random;
    private final String base;
    private final JsonNode schemas;
    private final List<Operation> operations = new ArrayList<>();

    ApiFuzz(JsonNode document, long seed) {
        this.random = new Random(seed);
        this.base = document.path("servers").path(0).path("url").asText();
        this.schemas = document.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<JsonNode> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(parameters::add);
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                op.getValue().path("requestBody").path("content").fields()
                        .forEachRemaining(body -> bodies.put(body.getKey(), body.getValue().path("schema")));
                operations.add(new Operation(op.getKey().toUpperCase(), base + path.getKey(), parameters, bodies));
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** A request for the operation, with one or more of its parts made hostile. */
    Request next(Operation operation) {
        List<String> mutations = new ArrayList<>();
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            String value = parameterValue(parameter.path("schema"));
            switch (parameter.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", percentEncoded(value));
                case "query" -> {
                    if (random.nextInt(3) > 0) {
                        query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                                .append(percentEncoded(value));
                    }
                }
                case "header" -> {
                    if (random.nextBoolean() && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                        headers.put(name, value);
                    }
                }
                default -> throw new AssertionError("parameter in " + parameter.path("in"));
            }
        }
        if (random.nextInt(8) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(percentEncoded(hostileString())).append('=')
                    .append(percentEncoded(hostileString()));
            mutations.add("unknown query parameter");
        }
        String method = operation.method();
        if (random.nextInt(20) == 0) {
            method = METHODS[random.nextInt(METHODS.length)];
            mutations.add("method " + method);
        }
        if (random.nextInt(15) == 0) {
            headers.put("Accept", MEDIA_TYPES[random.nextInt(MEDIA_TYPES.length)]);
            mutations.add("accept " + headers.get("Accept"));
        }
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("OPTIONS")) {
            List<String> declared = new ArrayList<>(operation.bodies().keySet());
            String type = declared.isEmpty() || random.nextInt(6) == 0 ? MEDIA_TYPES[random.nextInt(MEDIA_TYPES.length)]
                    : declared.get(random.nextInt(declared.size()));
            type = type.equals("*/*") ? "application/json" : type;
            headers.put("Content-Type", type);
            JsonNode schema = operation.bodies().getOrDefault(type, NODES.objectNode());
            body = body(schema, mutations);
            mutations.add("as " + type);
        }
        return new Request(operation, method, path + query, headers, body, String.join(", ", mutations));
    }

    private String parameterValue(JsonNode schema) {
        if (random.nextInt(10) == 0) {
            return UUID.randomUUID().toString();
        }
        String type = schema.path("type").asText();
        return (type.equals("integer") || type.equals("number")) && random.nextBoolean()
                ? NUMBERS[random.nextInt(NUMBERS.length)] : hostileString();
    }

    private String hostileString() {
        String base = STRINGS[random.nextInt(STRINGS.length)];
        return random.nextInt(4) == 0 ? base + STRINGS[random.nextInt(STRINGS.length)] : base;
    }

    /** A body for the schema, broken in one of many ways. */
    private byte[] body(JsonNode schema, List<String> mutations) {
        switch (random.nextInt(12)) {
            case 0 -> {
                mutations.add("empty body");
                return new byte[0];
            }
            case 1 -> {
                mutations.add("truncated JSON");
                byte[] whole = bytes(value(schema, 0));
                return Arrays.copyOf(whole, random.nextInt(Math.max(1, whole.length)));
            }
            case 2 -> {
                mutations.add("bad UTF-8");
                String text = value(schema, 0).toString();
                int cut = random.nextInt(text.length() + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
                out.writeBytes(text.substring(cut).getBytes(StandardCharsets.UTF_8));
                return out.toByteArray();
            }
            case 3 -> {
                mutations.add("deep nesting");
                int depth = 2_000 + random.nextInt(20_000);
                return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
            }
            case 4 -> {
                mutations.add("root of another type");
                return (random.nextBoolean() ? "[1,2,3]" : NUMBERS[random.nextInt(NUMBERS.length)])
                        .getBytes(StandardCharsets.US_ASCII);
            }
            case 5 -> {
                mutations.add("duplicate keys and a contact field");
                String json = value(schema, 0).toString();
                String extra = "\"phone\":\"13800138000\",\"name\":1,\"name\":\"x\"";
                return (json.startsWith("{") && json.length() > 2 ? "{" + extra + "," + json.substring(1)
                        : "{" + extra + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                mutations.add("binary");
                byte[] junk = new byte[random.nextInt(4096)];
                random.nextBytes(junk);
                return junk;
            }
            default -> {
                mutations.add("hostile values");
                return bytes(value(schema, 0));
            }
        }
    }

    /** A value of the schema's shape whose leaves are hostile, some of the wrong type. */
    private JsonNode value(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > 4 || random.nextInt(10) == 0) {
            return wrongType();
        }
        switch (resolved.path("type").asText("object")) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").fields().forEachRemaining(property -> {
                    if (random.nextInt(5) > 0) {
                        object.set(property.getKey(), value(property.getValue(), depth + 1));
                    }
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(value(resolved.path("items"), depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(new BigDecimal(NUMBERS[random.nextInt(NUMBERS.length)]
                        .replace("NaN", "0")));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                JsonNode values = resolved.path("enum");
                if (values.isArray() && values.size() > 0 && random.nextBoolean()) {
                    return values.get(random.nextInt(values.size()));
                }
                return NODES.textNode(hostileString());
            }
        }
    }

    private JsonNode wrongType() {
        return switch (random.nextInt(5)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.arrayNode().add(hostileString());
            case 2 -> NODES.objectNode().put(hostileString(), hostileString());
            case 3 -> NODES.numberNode(new BigInteger("-123456789012345678901234567890"));
            default -> NODES.booleanNode(true);
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static byte[] bytes(JsonNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every byte outside the unreserved characters escaped, so that any text, and broken UTF-8, makes a legal URI. */
    private String percentEncoded(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xC0;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
