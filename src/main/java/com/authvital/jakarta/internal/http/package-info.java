/**
 * What the module reads from and writes to a servlet request: paths inside the application, origins, redirect targets, URL patterns and the no-store answers.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.http;
