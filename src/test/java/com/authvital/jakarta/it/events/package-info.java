/** The receiver of AuthVital's signed events on one server: its answers, its mappings, a flood of junk. */
package com.authvital.jakarta.it.events;
