package com.authvital.jakarta.internal.auth;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The binding of {@link RolesAllowedInterceptor}: {@code AuthVitalExtension} puts it on each bean
 * method that {@code @RolesAllowed} or {@code @DenyAll} covers by {@link RoleRules}, inherited and
 * class-level ones included; applications never write it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RoleCheck {

    /** {@code @RoleCheck}. */
    @SuppressWarnings("all")
    final class Literal extends AnnotationLiteral<RoleCheck> implements RoleCheck {

        private static final long serialVersionUID = 1L;

        public static final Literal INSTANCE = new Literal();
    }
}
