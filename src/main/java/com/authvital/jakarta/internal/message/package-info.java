/**
 * The message catalogue (every log line and exception text, by id) and the names of the settings its messages cite; it depends on nothing else of the module.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.message;
