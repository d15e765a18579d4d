package io.github.camelcec.component.model;

import java.util.Objects;

/**
 * The end customer a request is made for: {@code userId} picks the customer token, {@code userName} is what applyToken
 * registers for display (ref §3.1.1; defaults to the userId).
 */
public record Customer(String userId, String userName) {

    public Customer {
        Objects.requireNonNull(userId, "userId");
        if (userName == null || userName.isBlank()) {
            userName = userId;
        }
    }

    public static Customer of(String userId) {
        return new Customer(userId, null);
    }

    public static Customer of(String userId, String userName) {
        return new Customer(userId, userName);
    }
}
