package com.clinic.platform.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the compiled code says about the API, read from its bytecode so that the OpenAPI description
 * cannot drift from it: which problem codes each context raises with which status (every {@code new
 * Rejection.Conflict / RuleViolated / NotFound("code")}), and what a controller method answers (the
 * {@code ResponseEntity} statuses it builds, whether it sets an {@code ETag}, whether it demands
 * {@code If-Match}).
 *
 * <p>A code built from a parameter ({@code kind + ".name-required"}, or the code handed in whole) is
 * resolved at the callers, from the strings they pass that complete it into a code that has a message:
 * every code the API returns has one. What cannot be resolved that way is listed in {@link
 * #unresolved()}, which a test keeps empty.
 */
final class CodeFacts {

    /** A problem code, the status it is answered with, and the class that raises it. */
    record Raised(String code, int status, String className) {}

    /** What a controller method's own code (and its package's helpers) does with the response. */
    record Handler(SortedSet<Integer> statuses, boolean setsETag, boolean requiresIfMatch) {}

    private static final String PACKAGE = "com/clinic/";
    private static final String REJECTION = "com/clinic/platform/domain/Rejection$";
    private static final Map<String, Integer> REJECTION_STATUS =
            Map.of(REJECTION + "Conflict", 409, REJECTION + "RuleViolated", 422, REJECTION + "NotFound", 404);
    /**
     * Methods that take a code for a rejection raised elsewhere: an operation of an access table
     * that hides what is out of reach as 404 names its code with {@code Refusal.asNotFound("…")}, and
     * the access policy (this class's package) raises it from the table.
     */
    private static final String SINK_PACKAGE = "com/clinic/platform/application/access/";

    private static final Map<String, Integer> SINKS = Map.of(SINK_PACKAGE + "Refusal.asNotFound", 404);
    private static final String ETAGS = "com/clinic/platform/rest/ETags";
    private static final String RESPONSE_ENTITY = "org/springframework/http/ResponseEntity";
    private static final String HTTP_STATUS = "org/springframework/http/HttpStatus";
    private static final Map<String, Integer> BUILDER_STATUS =
            Map.of("ok", 200, "created", 201, "accepted", 202, "noContent", 204);
    private static final char ARGUMENT = '\u0001';

    private final Set<String> knownCodes;
    private final Map<String, MethodFacts> methods = new HashMap<>();
    private final List<Raised> raised = new ArrayList<>();
    private final List<String> unresolved = new ArrayList<>();

    private CodeFacts(Set<String> knownCodes) {
        this.knownCodes = knownCodes;
    }

    /** Reads every application class on the class path (test classes excluded) and every English bundle. */
    static CodeFacts ofClassPath() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            CodeFacts facts = new CodeFacts(problemCodes(resolver.getResources(MessageBundles.PATTERN)));
            for (Resource resource : resolver.getResources("classpath*:" + PACKAGE + "**/*.class")) {
                String location = resource.getURL().toString();
                if (location.contains("/test-classes/") || location.contains("-tests.jar")) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    new ClassReader(in).accept(facts.new ClassScanner(), ClassReader.SKIP_FRAMES);
                }
            }
            facts.resolveForwarders();
            return facts;
        } catch (IOException e) {
            throw new UncheckedIOException("The application's classes could not be read", e);
        }
    }

    /** Codes with an English title, {@code problem.<code>.title}, in a context's base bundle. */
    private static Set<String> problemCodes(Resource[] bundles) throws IOException {
        Set<String> codes = new HashSet<>();
        for (Resource bundle : bundles) {
            String name = bundle.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Properties properties = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                properties.load(in);
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("problem.") && key.endsWith(".title")) {
                    codes.add(key.substring("problem.".length(), key.length() - ".title".length()));
                }
            }
        }
        return codes;
    }

    List<Raised> raised() {
        return List.copyOf(raised);
    }

    /** Rejections whose code could not be told from the code, as {@code Class.method}: keep it empty. */
    List<String> unresolved() {
        return List.copyOf(unresolved);
    }

    /** The context of a class: {@code com.clinic.<context>.…}. */
    static String context(String className) {
        String[] parts = className.split("\\.", 4);
        return parts.length > 2 ? parts[2] : "";
    }

    /** Which contexts each context's classes call (its own excluded). */
    Map<String, Set<String>> contextCalls() {
        Map<String, Set<String>> calls = new HashMap<>();
        for (MethodFacts facts : methods.values()) {
            String from = context(facts.className());
            for (String callee : facts.calls) {
                if (callee.startsWith(PACKAGE)) {
                    String to = context(callee.substring(0, callee.indexOf('.')).replace('/', '.'));
                    if (!to.equals(from)) {
                        calls.computeIfAbsent(from, c -> new TreeSet<>()).add(to);
                    }
                }
            }
            calls.computeIfAbsent(from, c -> new TreeSet<>());
        }
        return calls;
    }

    Set<String> knownCodes() {
        return Set.copyOf(knownCodes);
    }

    /**
     * The statuses a handler builds, and whether it sets an ETag or demands If-Match, following the
     * calls it makes (lambdas included) into classes of its own package, such as a shared helper.
     */
    Handler handler(Method method) {
        String owner = Type.getInternalName(method.getDeclaringClass());
        String ownPackage = owner.substring(0, owner.lastIndexOf('/') + 1);
        SortedSet<Integer> statuses = new TreeSet<>();
        boolean etag = false;
        boolean ifMatch = false;
        Deque<String> pending =
                new ArrayDeque<>(List.of(key(owner, method.getName(), Type.getMethodDescriptor(method))));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            MethodFacts facts = methods.get(pending.pop());
            if (facts == null || !seen.add(facts.key)) {
                continue;
            }
            statuses.addAll(facts.statuses);
            etag |= facts.setsETag;
            ifMatch |= facts.requiresIfMatch;
            for (String callee : facts.calls) {
                String calleeOwner = callee.substring(0, callee.indexOf('.'));
                if (calleeOwner.startsWith(ownPackage) && calleeOwner.indexOf('/', ownPackage.length()) < 0) {
                    pending.push(callee);
                }
            }
        }
        return new Handler(statuses, etag, ifMatch);
    }

    private void resolveForwarders() {
        for (MethodFacts forwarder : methods.values()) {
            for (Map.Entry<String, Integer> template : forwarder.forwarded.entrySet()) {
                boolean resolved = false;
                for (MethodFacts caller : methods.values()) {
                    if (!caller.calls.contains(forwarder.key)) {
                        continue;
                    }
                    for (String argument : caller.freeStrings()) {
                        String code = template.getKey().replace(String.valueOf(ARGUMENT), argument);
                        if (knownCodes.contains(code)) {
                            raised.add(new Raised(code, template.getValue(), caller.className()));
                            resolved = true;
                        }
                    }
                }
                if (!resolved && !forwarder.owner.startsWith(SINK_PACKAGE)) {
                    unresolved.add(forwarder.className() + "." + forwarder.name);
                }
            }
        }
    }

    private static String key(String owner, String name, String descriptor) {
        return owner + "." + name + descriptor;
    }

    private static final class MethodFacts {
        final String key;
        final String owner;
        final String name;
        final Set<String> calls = new LinkedHashSet<>();
        final Set<String> strings = new LinkedHashSet<>();
        final Set<String> codes = new HashSet<>();
        /** Code templates (the argument marked {@link #ARGUMENT}) of rejections built from a parameter. */
        final Map<String, Integer> forwarded = new HashMap<>();

        final Set<Integer> statuses = new HashSet<>();
        boolean setsETag;
        boolean requiresIfMatch;

        MethodFacts(String owner, String name, String descriptor) {
            this.key = key(owner, name, descriptor);
            this.owner = owner;
            this.name = name;
        }

        String className() {
            return owner.replace('/', '.');
        }

        /** Strings this method loads that are not the code of a rejection it builds itself. */
        Set<String> freeStrings() {
            Set<String> free = new LinkedHashSet<>(strings);
            free.removeAll(codes);
            return free;
        }
    }

    /** A rejection under construction: its status, and its code or code template once seen. */
    private static final class Construction {
        final int status;
        String code;
        String template;

        Construction(int status) {
            this.status = status;
        }
    }

    private final class ClassScanner extends ClassVisitor {
        private String owner;

        ClassScanner() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.owner = name;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodFacts facts = new MethodFacts(owner, name, descriptor);
            methods.put(facts.key, facts);
            return new MethodScanner(facts);
        }
    }

    private final class MethodScanner extends MethodVisitor {
        private final MethodFacts facts;
        private final Deque<Construction> constructions = new ArrayDeque<>();
        private String lastStatusConstant;
        private String lastString;

        MethodScanner(MethodFacts facts) {
            super(Opcodes.ASM9);
            this.facts = facts;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW && REJECTION_STATUS.containsKey(type)) {
                constructions.push(new Construction(REJECTION_STATUS.get(type)));
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof String text) {
                facts.strings.add(text);
                lastString = text;
                Construction top = constructions.peek();
                if (top != null && top.code == null && top.template == null) {
                    top.code = text;
                    facts.codes.add(text);
                }
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && fieldOwner.equals(HTTP_STATUS)) {
                lastStatusConstant = name;
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (name.equals("makeConcatWithConstants")
                    && arguments.length > 0
                    && arguments[0] instanceof String recipe) {
                Construction top = constructions.peek();
                if (top != null && top.code == null && top.template == null) {
                    top.template = recipe;
                }
            }
            for (Object argument : arguments) {
                if (argument instanceof Handle implementation) {
                    facts.calls.add(key(implementation.getOwner(), implementation.getName(), implementation.getDesc()));
                }
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String callee, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && REJECTION_STATUS.containsKey(callee)) {
                Construction done = constructions.poll();
                if (done != null) {
                    finish(done);
                }
                return;
            }
            Integer sink = SINKS.get(callee + "." + name);
            if (sink != null && lastString != null) {
                raised.add(new Raised(lastString, sink, facts.className()));
                facts.codes.add(lastString);
            }
            if (callee.equals(ETAGS)) {
                facts.setsETag |= name.equals("of");
                facts.requiresIfMatch |= name.equals("required");
            } else if (callee.equals(RESPONSE_ENTITY) && BUILDER_STATUS.containsKey(name)) {
                facts.statuses.add(BUILDER_STATUS.get(name));
            } else if (callee.equals(RESPONSE_ENTITY) && name.equals("status") && lastStatusConstant != null) {
                facts.statuses.add(org.springframework.http.HttpStatus.valueOf(lastStatusConstant)
                        .value());
            }
            if (callee.startsWith(PACKAGE)) {
                facts.calls.add(key(callee, name, descriptor));
            }
        }

        private void finish(Construction done) {
            if (done.code != null) {
                raised.add(new Raised(done.code, done.status, facts.className()));
            } else if (done.template != null
                    && done.template.indexOf(ARGUMENT) == done.template.lastIndexOf(ARGUMENT)) {
                facts.forwarded.put(done.template, done.status);
            } else if (done.template == null) {
                facts.forwarded.put(String.valueOf(ARGUMENT), done.status);
            } else {
                unresolved.add(facts.className() + "." + facts.name);
            }
        }
    }
}
