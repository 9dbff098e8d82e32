package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.Metamodel;
import java.util.List;

/** Test-only access to the application's persistence unit: its metamodel and read-only JPQL. */
@Stateless
@PermitAll
public class Jpa {
    @PersistenceContext(unitName = "hms")
    EntityManager em;

    public Metamodel metamodel() {
        return em.getMetamodel();
    }

    public List<?> list(String jpql, long patientId) {
        return em.createQuery(jpql).setParameter("p", patientId).getResultList();
    }
}
