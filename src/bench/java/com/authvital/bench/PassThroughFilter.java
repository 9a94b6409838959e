package com.authvital.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;

/**
 * A filter that does nothing, on {@code /passthrough/*}: the load test's third path tells what
 * any filter costs in Liberty's chain, apart from what {@code AuthVitalFilter} does in it.
 */
@WebFilter("/passthrough/*")
public class PassThroughFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
    }
}
