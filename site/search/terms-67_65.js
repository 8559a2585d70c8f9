tracebriefSearch.terms("ge",{"generational":"o","german":"5","germany":"c"});
