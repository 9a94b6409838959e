#!/usr/bin/env bash
# The demo on WildFly (mvn -Pdemo,wildfly package): a server of its own beside the tests' (its
# own copy of WildFly's standalone directory), the one setting the module's Jakarta Security
# mechanism needs (docs/wildfly.md), the demo's WAR at /demo, and WildFly in the foreground
# until Ctrl-C, on 127.0.0.1 with the ports shifted to Liberty's demo ones (http 9080).
set -euo pipefail
home=$1 base=$2 war=$3 offset=$4

if [[ ! -d $base ]]; then
    cp -r "$home/standalone" "$base"
fi
# Offline, before the server starts: the setting, and the WAR replaced by this build's.
"$home/bin/jboss-cli.sh" -Djboss.server.base.dir="$base" --commands="embed-server --server-config=standalone-microprofile.xml --std-out=discard,\
/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false),\
if (outcome == success) of /deployment=demo.war:read-resource,\
undeploy demo.war,\
end-if,\
deploy $war --name=demo.war,\
stop-embedded-server"
# The page's readiness link: WildFly serves /health/ready on its management port (9990, shifted).
exec "$home/bin/standalone.sh" -c standalone-microprofile.xml -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset="$offset" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Ddemo.ready-url="http://127.0.0.1:$((9990 + offset))/health/ready"
