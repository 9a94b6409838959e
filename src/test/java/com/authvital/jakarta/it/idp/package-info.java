/**
 * Container tests of an IdP that fails: down, slow, a bad answer; its keys (JWKS faults and outage,
 * key rotation, a flood of unknown {@code kid}s), each key-cache test on an IdP of its own ({@code OwnIdp}).
 */
package com.authvital.jakarta.it.idp;
