package org.no3rr.station.results;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.station.service.InvalidRequestException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A basis is named the same in the query, on the axis and in the CSV; the default needs every cell's mass. */
class BasisTest {

    /** 1 cm², 2 mg of catalyst, 0.5 g of zinc. */
    private static final CellMetadata WEIGHED = new CellMetadata(1.0, 2.0, 0.5, Double.NaN, Double.NaN,
            "Ag/AgCl (sat. KCl)", 0.197, 0.0);
    private static final CellMetadata AREA_ONLY = CellMetadata.ofArea(1.0);

    @Test
    void aQueryNameParsesWhateverItsCaseAndSpaces() {
        assertThat(Basis.Capacity.parse(" Per-G-Zn ")).isEqualTo(Basis.Capacity.PER_G_ZN);
        assertThat(Basis.Yield.parse("per-cm2")).isEqualTo(Basis.Yield.PER_CM2);
        assertThat(Basis.Capacity.parse(null)).isNull();
    }

    @Test
    void anUnknownBasisNamesTheFieldAndEveryAllowedValue() {
        assertThatThrownBy(() -> Basis.Capacity.parse("per-kg"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("capacity is 'per-kg' but must be one of per-g-zn, per-cm2, mah")
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("capacity");
        assertThatThrownBy(() -> Basis.Yield.parse("per-g"))
                .hasMessage("yield is 'per-g' but must be one of per-mg-cat, per-cm2");
    }

    @Test
    void eachBasisCarriesItsAxisUnitAndCsvHeader() {
        assertThat(Basis.Capacity.PER_G_ZN.unit()).isEqualTo("mAh g⁻¹");
        assertThat(Basis.Capacity.PER_G_ZN.header()).isEqualTo("mAh_per_g_Zn");
        assertThat(Basis.Yield.PER_MG_CAT.unit()).isEqualTo("mg h⁻¹ mg_cat⁻¹");
        assertThat(Basis.Yield.PER_CM2.header()).isEqualTo("ug_per_h_per_cm2");
    }

    @Test
    void theDefaultIsPerMassOnlyWhenEveryCellGivesIt() {
        assertThat(Basis.Capacity.defaultFor(List.of(WEIGHED))).isEqualTo(Basis.Capacity.PER_G_ZN);
        assertThat(Basis.Capacity.defaultFor(List.of(WEIGHED, AREA_ONLY))).isEqualTo(Basis.Capacity.PER_CM2);
        assertThat(Basis.Yield.defaultFor(List.of(WEIGHED))).isEqualTo(Basis.Yield.PER_MG_CAT);
        assertThat(Basis.Yield.defaultFor(List.of(AREA_ONLY))).isEqualTo(Basis.Yield.PER_CM2);
        // 10 mAh on 0.5 g of zinc
        assertThat(Basis.Capacity.PER_G_ZN.of(10.0, WEIGHED)).isEqualTo(20.0);
    }
}
