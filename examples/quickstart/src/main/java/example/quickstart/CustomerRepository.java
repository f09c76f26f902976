package example.quickstart;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The application's own repository, as it was before Lethe. */
interface CustomerRepository extends JpaRepository<Customer, Long> {

  Optional<Customer> findByEmail(String email);
}
