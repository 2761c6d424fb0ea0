# Sourced by tt-host and bench/run: the JVM flags every run of the host takes.
# The first three are pom.xml's jvm.flags (what the tests run with): GraalJS in interpreter mode
# on JDK 17 without a warning, and Undertow's logging routed to SLF4J.
tt_jvm_flags=(-Dpolyglotimpl.AttachLibraryFailureAction=ignore -Dpolyglot.engine.WarnInterpreterOnly=false
              -Dorg.jboss.logging.provider=slf4j)
# The heap in transparent huge pages where the kernel offers them (mode madvise or always; the JVM
# would warn on a kernel without): the first touch of new heap memory then faults once per 2 MB
# instead of once per 4 KB page. On the 2-core VM each small fault cost about 20 µs, so a page
# whose young generation had just grown ran its setData two to three times slower until the new
# memory had been touched once (measured: docs/embedding.md, "JVM flags").
if grep -qE '\[(madvise|always)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  tt_jvm_flags+=(-XX:+UseTransparentHugePages)
fi
