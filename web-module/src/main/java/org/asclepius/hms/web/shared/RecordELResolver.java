package org.asclepius.hms.web.shared;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets Facelets read record components as properties ({@code #{patient.mrn}} for {@code patient.mrn()}). The
 * services return records; Jakarta EL 5 (EE 10) only knows JavaBeans getters (EL 6 of EE 11 adds this resolver
 * itself). Read-only: records cannot be changed.
 */
public class RecordELResolver extends ELResolver {
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    Method accessor = c.getAccessor();
                    accessor.trySetAccessible();
                    accessors.put(c.getName(), accessor);
                }
            }
            return Map.copyOf(accessors);
        }
    };

    private static Method accessor(Object base, Object property) {
        if (base == null || !(property instanceof String name) || !base.getClass().isRecord()) {
            return null;
        }
        return ACCESSORS.get(base.getClass()).get(name);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Method accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        try {
            return accessor.invoke(base);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (accessor(base, property) == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only (EL 5: null for a read-only property)
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (accessor(base, property) != null) {
            context.setPropertyResolved(base, property);
            throw new PropertyNotWritableException("A record cannot be changed: " + property);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (accessor(base, property) == null) {
            return false;
        }
        context.setPropertyResolved(base, property);
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }
}
