package io.github.camelcec.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;

/** The Micrometer side of {@link CecMeters}: loaded only when micrometer-core is on the classpath. */
final class MicrometerFigures {

    private MicrometerFigures() {
    }

    static <T> AutoCloseable bind(CamelContext context, CecFigures.Scope<T> scope, T source, Map<String, String> tags) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            return () -> {
            };
        }
        Tags common = Tags.of("camelContext", context.getName());
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            common = common.and(tag.getKey(), tag.getValue());
        }
        List<Meter> meters = new ArrayList<>();
        for (CecFigures.Figure<T> figure : scope.figures()) {
            String name = figure.meterName(scope.name());
            meters.add(figure.kind() == CecFigures.Kind.COUNTER
                    ? FunctionCounter.builder(name, source, figure.value()).description(figure.description())
                            .tags(common).register(registry)
                    : Gauge.builder(name, source, figure.value()).description(figure.description()).tags(common)
                            .strongReference(true).register(registry));
        }
        return () -> meters.forEach(registry::remove);
    }
}
