package io.github.camelcec.springboot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application the tests start: the starter's auto-configuration and nothing of its own. */
@SpringBootApplication
public class CecTestApplication {
}
