/**
 * The module's implementation, one sub-package per concern: {@code message} (catalogue),
 * {@code config}, {@code http}, {@code token}, {@code idp}, {@code store}, {@code session},
 * {@code auth}, {@code flow}, {@code service} (the public services' implementations), {@code jaxrs}
 * (the exception mapper) and {@code cdi}; {@code ArchitectureTest} pins which may use which.
 * Nothing here is API; it may change in any release.
 */
package com.authvital.jakarta.internal;
