package dev.lethe.spring;

import dev.lethe.logback.HibernateLoadedValues;
import dev.lethe.logback.LetheLogMasking;
import dev.lethe.model.PersonalDataModel;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masked logs (Art. 5(1)(f), 32), when {@code lethe-logback} is on the class path: the model is
 * installed in {@link LetheLogMasking}, so that {@code %letheMasked(..)} in the application's
 * Logback pattern masks every {@code @PersonalData} attribute, and with Hibernate the values of
 * loaded entities are remembered for a short while so that they are masked in free text too.
 * Nothing is masked unless the pattern uses {@code %letheMasked(..)}; excluding this
 * auto-configuration leaves e-mail addresses as the only values masked.
 */
@AutoConfiguration(after = LetheAutoConfiguration.class)
@ConditionalOnClass(name = "dev.lethe.logback.LetheLogMasking")
@ConditionalOnBean(PersonalDataModel.class)
public class LetheLogsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  LogMaskingInstallation letheLogMaskingInstallation(PersonalDataModel model) {
    return new LogMaskingInstallation(model);
  }

  /** With Hibernate: the personal values of loaded entities are masked in free text too. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.hibernate.event.spi.PostLoadEventListener",
        "jakarta.persistence.EntityManagerFactory"
      })
  @ConditionalOnBean(type = "jakarta.persistence.EntityManagerFactory")
  static class LoadedValues {

    @Bean
    @ConditionalOnMissingBean
    HibernateLoadedValues letheHibernateLoadedValues(
        EntityManagerFactory entityManagerFactory,
        PersonalDataModel model,
        LogMaskingInstallation installation) {
      return HibernateLoadedValues.register(entityManagerFactory, model);
    }
  }

  /**
   * The model installed in {@link LetheLogMasking} while the application runs; at shut-down the
   * masking returns to e-mail addresses only and forgets the values it remembered.
   */
  public static final class LogMaskingInstallation implements DisposableBean {

    LogMaskingInstallation(PersonalDataModel model) {
      LetheLogMasking.install(model);
    }

    @Override
    public void destroy() {
      LetheLogMasking.reset();
    }
  }
}
