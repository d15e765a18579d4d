package io.github.camelcec.component.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper for CEC traffic: tolerant on read (cec-api §4.9), null fields left out on write. */
public final class CecJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // the reference's own samples (§3.2, §12) are not strict JSON; accept what a lenient server may send
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** A request's wire fields by name, e.g. to render a GET operation's query. */
    public static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private CecJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
