/**
 * The IdP's REST client: its calls, their failures translated into the module's exceptions, body limits, and this server's budget of token calls.
 * Not API: it may change in any release.
 */
package com.authvital.jakarta.internal.idp;
