package io.writ.workflow.engine;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.AbstractMap;
import java.util.Set;

/**
 * The engine's bean map, read through CDI: an expression such as {@code ${grantAccess}} in a model resolves to the
 * {@code @Named("grantAccess")} bean. Read-only; only named lookups are supported.
 */
class CdiBeans extends AbstractMap<Object, Object> {

    private final BeanManager beanManager;

    CdiBeans(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String s && !beanManager.getBeans(s).isEmpty();
    }

    @Override
    public Object get(Object name) {
        if (!(name instanceof String s)) {
            return null;
        }
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(s));
        if (bean == null) {
            return null;
        }
        return beanManager.getReference(bean, Object.class, beanManager.createCreationalContext(bean));
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        throw new UnsupportedOperationException("CDI beans are looked up by name only");
    }
}
