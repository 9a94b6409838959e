/**
 * Every setting of the module, read from MicroProfile Config or a filter's init-params and validated once, with all problems reported together (AV0001).
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.config;
