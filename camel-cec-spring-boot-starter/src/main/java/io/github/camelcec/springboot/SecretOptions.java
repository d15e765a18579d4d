package io.github.camelcec.springboot;

import java.util.Locale;

/**
 * Recognises the keys of the component's secret options in every spelling Spring accepts for them: the
 * configprops name ({@code appSecret}), the canonical one ({@code camel.component.cec.app-secret}), camel case, and
 * the environment variable ({@code CAMEL_COMPONENT_CEC_APPSECRET}).
 */
final class SecretOptions {

    private static final String PREFIX = "camelcomponentcec";

    private SecretOptions() {
    }

    static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String normalized = normalize(key);
        for (String option : CecComponentConfiguration.SECRET_OPTIONS) {
            String name = normalize(option);
            if (normalized.equals(name) || normalized.equals(PREFIX + name)) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
