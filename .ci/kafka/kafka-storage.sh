#!/bin/bash
# as Kafka's bin/kafka-storage.sh
exec java -Xmx256m -Dlog4j2.configurationFile=/opt/kafka/config/log4j2-tools.properties \
  -cp '/opt/kafka/libs/*' kafka.tools.StorageTool "$@"
