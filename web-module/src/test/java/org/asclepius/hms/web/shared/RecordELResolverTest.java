package org.asclepius.hms.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordELResolverTest {
    record Person(String name, int age) {
    }

    static class Bean {
        public String getName() {
            return "bean";
        }
    }

    private final RecordELResolver resolver = new RecordELResolver();

    private static ELContext context() {
        return new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }

    @Test
    void readsRecordComponents() {
        ELContext ctx = context();
        assertThat(resolver.getValue(ctx, new Person("Ada", 36), "name")).isEqualTo("Ada");
        assertThat(ctx.isPropertyResolved()).isTrue();
        assertThat(resolver.getValue(context(), new Person("Ada", 36), "age")).isEqualTo(36);
    }

    @Test
    void leavesEverythingElseToTheOtherResolvers() {
        ELContext ctx = context();
        assertThat(resolver.getValue(ctx, new Bean(), "name")).isNull();
        assertThat(resolver.getValue(ctx, new Person("Ada", 36), "unknown")).isNull();
        assertThat(resolver.getValue(ctx, null, "name")).isNull();
        assertThat(ctx.isPropertyResolved()).isFalse();
    }

    @Test
    void recordsAreReadOnly() {
        ELContext ctx = context();
        assertThat(resolver.isReadOnly(ctx, new Person("Ada", 36), "name")).isTrue();
        assertThatThrownBy(() -> resolver.setValue(context(), new Person("Ada", 36), "name", "Bob"))
                .isInstanceOf(PropertyNotWritableException.class);
    }
}
