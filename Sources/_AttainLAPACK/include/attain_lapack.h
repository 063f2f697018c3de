/* Declarations of the reference LAPACK / BLAS routines Attain calls (Debian's liblapack-dev, gfortran ABI).
 *
 * Fortran passes every argument by reference; INTEGER is 32-bit here. gfortran appends one hidden
 * `size_t` length argument per CHARACTER argument, after all the others, in order. Omitting them is
 * undefined behaviour that happens to work until it does not, so they are declared and always passed (as 1).
 */
#ifndef ATTAIN_LAPACK_H
#define ATTAIN_LAPACK_H
#include <stddef.h>

/* QR with column pivoting */
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt, double *tau,
             double *work, const int *lwork, int *info);
/* unblocked QR with column pivoting of A(offset+1:m, :) (LAPACK auxiliary; no workspace query, no ilaenv):
   the caller sets jpvt to the identity and vn1 = vn2 = the column norms first, as dgeqp3 does */
void dlaqp2_(const int *m, const int *n, const int *offset, double *a, const int *lda, int *jpvt, double *tau,
             double *vn1, double *vn2, double *work);
/* multiply by Q from a QR factorisation */
void dormqr_(const char *side, const char *trans, const int *m, const int *n, const int *k,
             const double *a, const int *lda, const double *tau, double *c, const int *ldc,
             double *work, const int *lwork, int *info, size_t side_len, size_t trans_len);
/* triangular solve */
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n, const int *nrhs,
             const double *a, const int *lda, double *b, const int *ldb, int *info,
             size_t uplo_len, size_t trans_len, size_t diag_len);
/* triangular inverse */
void dtrtri_(const char *uplo, const char *diag, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len, size_t diag_len);
/* Cholesky factorisation, solve, inverse */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uplo_len);
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
/* singular value decomposition */
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *info, size_t jobu_len, size_t jobvt_len);
/* symmetric eigen-decomposition */
void dsyev_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
            double *work, const int *lwork, int *info, size_t jobz_len, size_t uplo_len);
/* general LU solve */
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b,
            const int *ldb, int *info);

/* BLAS: C = alpha op(A) op(B) + beta C */
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b, const int *ldb,
            const double *beta, double *c, const int *ldc, size_t transa_len, size_t transb_len);
/* BLAS: y = alpha op(A) x + beta y */
void dgemv_(const char *trans, const int *m, const int *n, const double *alpha, const double *a,
            const int *lda, const double *x, const int *incx, const double *beta, double *y,
            const int *incy, size_t trans_len);

#endif
