package io.writ.workflow.engine;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A person's action that may meet another on the same writ (or alert, or campaign) at the same moment: when the
 * process engine or the database refuses it because the other changed the same rows first, it is done again, in a
 * new transaction, on what the other left. See {@link ConcurrentChangeRetry} and docs/writs.md, "At the same moment".
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetryOnConcurrentChange {
}
