package cn.anxun.itests;

import com.fasterxml.jackson.databind.JsonNode;

/** The plugins as a node answers {@code GET /api/v1/plugins}. */
final class InstalledPlugins {

    private InstalledPlugins() {
    }

    /** One plugin: the operator's decision for every node, and whether the answering node has it. */
    static JsonNode of(Http operator, String feature) {
        for (JsonNode plugin : operator.get("/api/v1/plugins").json()) {
            if (plugin.get("feature").asText().equals(feature)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + feature);
    }
}
