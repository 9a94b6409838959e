/**
 * Container tests of the filter's decisions on a request: no token, a bad or forged one, duplicate cookies, a
 * cross-site change, public paths, and the cache headers of an answer that sets token cookies.
 */
package com.authvital.jakarta.it.filter;
