package cn.anxun.cities.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import cn.anxun.api.city.CityModule;

/** Reads a city-module descriptor; every problem becomes an {@link IllegalArgumentException} that names the field. */
final class CityDescriptorReader {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    CityModule read(InputStream descriptor) {
        try {
            return mapper.readValue(descriptor, CityModule.class);
        } catch (ValueInstantiationException e) {
            // the record's own validation: its message already names the field
            throw new IllegalArgumentException(e.getCause().getMessage(), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the descriptor cannot be read: " + e.getMessage(), e);
        }
    }
}
