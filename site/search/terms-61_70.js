tracebriefSearch.terms("ap",{"approximately":"l"});
