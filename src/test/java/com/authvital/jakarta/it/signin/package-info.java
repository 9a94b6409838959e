/**
 * Container tests of the sign-in loop over plain HTTP: the authorize redirect, the callback, its
 * budget, a new session id after it, and a callback whose IdP cannot be reached.
 */
package com.authvital.jakarta.it.signin;
