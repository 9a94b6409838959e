/**
 * Container tests of the silent refresh: when a request's tokens are refreshed, once for concurrent requests,
 * within this server's budget, and what the browser keeps when the IdP refuses, is down or is slow.
 */
package com.authvital.jakarta.it.refresh;
