package io.github.camelcec.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code cec} dev console (Camel JBang {@code camel get cec}, the dev console HTTP endpoint): the figures of every
 * {@code cec} component and every {@code cec:poll} consumer, as text and as JSON, named as in {@link CecFigures}.
 */
@DevConsole(name = "cec", displayName = "Huawei CEC", description = "CEC connections and cec:poll consumers")
public class CecDevConsole extends AbstractDevConsole {

    public CecDevConsole() {
        super("camel", "cec", "Huawei CEC", "CEC connections and cec:poll consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, CecComponent> c : components().entrySet()) {
            sb.append(String.format("Component: %s%n", c.getKey()));
            appendFigures(sb, CecFigures.COMPONENT.read(c.getValue()));
        }
        for (Route route : consumerRoutes()) {
            sb.append(String.format("%nRoute: %s%n    From: %s%n", route.getRouteId(),
                    route.getEndpoint().getEndpointUri()));
            appendFigures(sb, CecFigures.CONSUMER.read((CecConsumer) route.getConsumer()));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> components = new ArrayList<>();
        for (Map.Entry<String, CecComponent> c : components().entrySet()) {
            JsonObject jo = new JsonObject();
            jo.put("name", c.getKey());
            jo.putAll(CecFigures.COMPONENT.read(c.getValue()));
            components.add(jo);
        }
        root.put("components", components);
        List<JsonObject> consumers = new ArrayList<>();
        for (Route route : consumerRoutes()) {
            JsonObject jo = new JsonObject();
            jo.put("routeId", route.getRouteId());
            jo.put("uri", route.getEndpoint().getEndpointUri());
            jo.putAll(CecFigures.CONSUMER.read((CecConsumer) route.getConsumer()));
            consumers.add(jo);
        }
        root.put("consumers", consumers);
        return root;
    }

    /** The cec components that exist (looking them up creates none). */
    private Map<String, CecComponent> components() {
        Map<String, CecComponent> found = new TreeMap<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof CecComponent cec) {
                found.put(name, cec);
            }
        }
        return found;
    }

    private List<Route> consumerRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof CecConsumer) {
                routes.add(route);
            }
        }
        return routes;
    }

    private static void appendFigures(StringBuilder sb, Map<String, Object> figures) {
        figures.forEach((name, value) -> sb.append(String.format("    %s: %s%n", name, value)));
    }
}
