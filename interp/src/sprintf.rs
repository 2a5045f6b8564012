//! TEMPORARY stub, replaced by the numeric branch.
use std::borrow::Cow;
pub trait FormatArg {
    fn to_f64(&self) -> f64;
    fn to_num(&self) -> crate::numeric::Num;
    fn to_bytes(&self) -> Cow<'_, [u8]>;
    fn is_utf8(&self) -> bool;
}
pub fn sprintf(
    fmt: &[u8],
    fmt_utf8: bool,
    _args: &[&dyn FormatArg],
) -> (Vec<u8>, bool, Vec<String>) {
    (fmt.to_vec(), fmt_utf8, vec![])
}
