package com.authvital.jakarta;

import com.authvital.jakarta.internal.message.Messages;
import java.util.List;

/**
 * The module's configuration is missing or wrong. Thrown once, when the application is deployed,
 * with every problem found, each naming the key to set. {@link #getStatus()} is 500.
 */
public class AuthVitalConfigException extends AuthVitalException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems one sentence per problem, each naming the configuration key to set
     */
    public AuthVitalConfigException(List<String> problems) {
        super(500, null, List.of(), Messages.misconfigured(problems), null);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each. */
    public List<String> getProblems() {
        return problems;
    }
}
