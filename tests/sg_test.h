/* sg_test.h - the shared main() of every CUnit test executable.
 *
 * Each tests/test_<module>.c defines its CU_TestInfo arrays and one CU_SuiteInfo
 * table, then ends with SG_TEST_MAIN(table). The exit status comes from
 * CU_get_number_of_failures(): CU_basic_run_tests() reports framework errors only.
 */
#ifndef SG_TEST_H
#define SG_TEST_H

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>

static inline int sg_test_run(CU_SuiteInfo *suites)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 3;
    if (CU_register_suites(suites) != CUE_SUCCESS) {
        fprintf(stderr, "cannot register suites: %s\n", CU_get_error_msg());
        CU_cleanup_registry();
        return 3;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failures = CU_get_number_of_failures();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    if (run == 0)
        return 1;
    return failures == 0 ? 0 : 1;
}

#define SG_TEST_MAIN(suites) \
    int main(void) { return sg_test_run(suites); }

#endif
