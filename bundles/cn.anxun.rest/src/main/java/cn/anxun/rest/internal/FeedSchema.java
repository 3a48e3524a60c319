package cn.anxun.rest.internal;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.anxun.feed.Feed;
import cn.anxun.feed.FeedSource;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The JSON Schema (2020-12) of the feed's items, generated from their records by swagger-core as OpenAPI 3.1
 * schemas, which are JSON Schema: each property is always present, and one of an object type may be null.
 */
final class FeedSchema {

    static final String MEDIA_TYPE = "application/schema+json";

    private FeedSchema() {
    }

    /** The schema of the items of the sources installed now. */
    static String document(List<FeedSource> sources) {
        Map<String, Schema<?>> definitions = new TreeMap<>();
        for (FeedSource source : sources) {
            Class<?> item = source.itemType();
            @SuppressWarnings("rawtypes")
            Map<String, Schema> read = ModelConverters.getInstance(true).readAll(new AnnotatedType(item));
            Schema<?> schema = read.get(item.getSimpleName());
            schema.setRequired(List.of(item.getRecordComponents()).stream().map(RecordComponent::getName).toList());
            for (RecordComponent component : item.getRecordComponents()) {
                if (!component.getType().isPrimitive()) {
                    schema.getProperties().get(component.getName()).addType("null");
                }
            }
            definitions.put(item.getSimpleName(), schema);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$id", "/api/v1/feed/schema");
        document.put("title", "Anxun data feed " + Feed.VERSION);
        document.put("$defs", definitions);
        return Json31.pretty(document);
    }
}
