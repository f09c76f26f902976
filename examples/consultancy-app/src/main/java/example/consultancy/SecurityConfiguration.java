package example.consultancy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login with the demo users: people see their own privacy centre, administrators Lethe's
 * console with the requests (which checks the role ADMIN itself as well) and the marketing lists.
 * A signed-in person's user name is their e-mail address, which is how the privacy centre finds
 * their data. The records are public, as a privacy notice must be.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/", "/records/**", "/error")
                    .permitAll()
                    .requestMatchers("/admin/**", "/lethe/console/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(login -> login.defaultSuccessUrl("/privacy"))
        .logout(Customizer.withDefaults())
        .build();
  }

  @Bean
  InMemoryUserDetailsManager demoUsers() {
    // Demo only: plain-text passwords for fictional people. A real application uses its own user
    // store.
    UserDetails[] users =
        DemoData.SIGN_INS.stream()
            .map(
                email ->
                    User.withUsername(email)
                        .password("{noop}" + DemoData.DEMO_PASSWORD)
                        .roles("CONTACT")
                        .build())
            .toArray(UserDetails[]::new);
    InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
    manager.createUser(
        User.withUsername(DemoData.ADMIN)
            .password("{noop}" + DemoData.ADMIN_PASSWORD)
            .roles("ADMIN")
            .build());
    return manager;
  }
}
