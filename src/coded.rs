//! `coded_enum!`: an enum of things the engine says (reasons, problems), whose plain
//! variants are each declared once with their code (what the page words) and their
//! English sentence; variants with values are written as usual.

/// Declares `$name`: the variants with values as written, then after `;` each plain
/// variant once, `Variant => "code", "English sentence";`. Adds `plain()` (a plain
/// variant's code and sentence) and `units()` (every plain variant).
macro_rules! coded_enum {
    (
        $(#[$meta:meta])* $name:ident;
        $($(#[$doc:meta])* $variant:ident $({ $($(#[$fdoc:meta])* $field:ident: $ty:ty),* $(,)? })? $(($($tuple:ty),*))?,)*
        ;
        $($plain:ident => $code:literal, $text:literal;)*
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub enum $name {
            $($(#[$doc])* $variant $({ $($(#[$fdoc])* $field: $ty),* })? $(($($tuple),*))?,)*
            $(#[doc = $text] $plain,)*
        }

        impl $name {
            /// A plain variant's code and sentence (None for one with values).
            fn plain(&self) -> Option<(&'static str, &'static str)> {
                match self {
                    $($name::$plain => Some(($code, $text)),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            /// Every plain variant.
            fn units() -> Vec<$name> {
                vec![$($name::$plain),*]
            }
        }
    };
}

pub(crate) use coded_enum;
