package com.authvital.jakarta.cluster.app;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * TEST ONLY, in the two-server tests' WAR and nowhere else: this server's embedded Hazelcast
 * member, as the tests see it from outside. {@code GET /test/hazelcast} answers
 * {@code {"running":N,"members":M}}: how many members run in this application and how many the
 * cluster holds as the first one sees it (0 when none runs). {@code POST /test/hazelcast/stop}
 * shuts this server's members down, as an engine that fails would go: the shared cache is out of
 * this server's reach until the store starts a new member.
 */
@WebServlet("/test/hazelcast/*")
public class HazelcastMemberServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<HazelcastInstance> running = Hazelcast.getAllHazelcastInstances();
        int members = running.stream().findFirst().map(member -> member.getCluster().getMembers().size()).orElse(0);
        response.setContentType("application/json");
        response.getWriter().write("{\"running\":" + running.size() + ",\"members\":" + members + "}");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/stop".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Set<HazelcastInstance> running = Hazelcast.getAllHazelcastInstances();
        running.forEach(HazelcastInstance::shutdown);
        response.setContentType("application/json");
        response.getWriter().write("{\"stopped\":" + running.size() + "}");
    }
}
