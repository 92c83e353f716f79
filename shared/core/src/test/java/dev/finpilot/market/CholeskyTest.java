package dev.finpilot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {

  @Test
  void factorReproducesTheMatrix() {
    double[][] a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
    double[][] l = Cholesky.decompose(a);
    assertThat(l[0][0]).isEqualTo(2.0);
    assertThat(l[1][0]).isEqualTo(1.0);
    assertThat(l[0][1]).isZero();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          sum += l[i][k] * l[j][k];
        }
        assertThat(sum).isCloseTo(a[i][j], within(1e-12));
      }
    }
  }

  @Test
  void semidefiniteMatricesGiveZeroColumns() {
    double[][] perfectlyCorrelated = {{0.04, 0.02}, {0.02, 0.01}};
    double[][] l = Cholesky.decompose(perfectlyCorrelated);
    assertThat(l[1][0]).isCloseTo(0.1, within(1e-15));
    assertThat(l[1][1]).isZero();
    double[][] zeroVolatility = {{0, 0}, {0, 0.01}};
    assertThat(Cholesky.decompose(zeroVolatility)[1][1]).isCloseTo(0.1, within(1e-15));
  }

  @Test
  void invalidMatricesAreRefused() {
    assertThatThrownBy(
            () ->
                Cholesky.decompose(new double[][] {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}}))
        .hasMessageContaining("not positive semidefinite");
    assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{1, 0.5}, {0.2, 1}}))
        .hasMessageContaining("not symmetric");
    assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{1, 0}, {0}}))
        .hasMessageContaining("not square");
    assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{-1}}))
        .hasMessageContaining("not positive semidefinite");
    assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{0, 1}, {1, 1}}))
        .hasMessageContaining("not positive semidefinite");
  }
}
